import { LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import {
  App as AntApp,
  Avatar,
  Button,
  ConfigProvider,
  Drawer,
  Grid,
  Layout,
  Menu,
  Space,
  Tag,
  Typography,
  theme,
} from 'antd';
import { useEffect, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { InboxBell } from '../modules/notifications/InboxBell.tsx';
import { errorMessage } from './api.ts';
import { useI18n } from './i18n.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { type MenuEntry, menuTree, selectedMenuKey, visibleMenu } from './menu.ts';
import { PageBoundary } from './PageBoundary.tsx';
import { useCurrentUser, useLogout } from './session.ts';

const HEADER_HEIGHT = 56;

/**
 * On a phone (narrower than antd's md, 768 px) the side menu is a drawer opened from the header,
 * the header keeps the buttons and the name (the role and region move into the drawer), and
 * its buttons are 44 px touch targets.
 */
const PHONE_TOUCH_TARGETS = { components: { Button: { controlHeight: 44, onlyIconSize: 18 } } };
const PHONE_MENU = { components: { Menu: { itemHeight: 48 } } };

/** The signed-in frame: side menu, header with the account and language, and the page. */
export function Shell() {
  const { t } = useI18n();
  const { token } = theme.useToken();
  const screens = Grid.useBreakpoint();
  // Unknown before the first measurement (the desktop layout), known before the first paint.
  const phone = screens.md === false;
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  useEffect(() => {
    if (!phone) setDrawerOpen(false);
  }, [phone]);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          gap: phone ? 4 : 16,
          height: HEADER_HEIGHT,
          lineHeight: `${HEADER_HEIGHT}px`,
          paddingInline: phone ? 4 : 24,
          background: token.colorBgContainer,
          borderBottom: `1px solid ${token.colorBorderSecondary}`,
          position: 'sticky',
          top: 0,
          zIndex: 10,
        }}
      >
        {phone && (
          <ConfigProvider theme={PHONE_TOUCH_TARGETS}>
            <Button
              type="text"
              icon={<MenuOutlined />}
              onClick={() => setDrawerOpen(true)}
              aria-label={t('menu.open')}
              aria-expanded={drawerOpen}
              style={{ flex: 'none' }}
              data-testid="menu-toggle"
            />
          </ConfigProvider>
        )}
        <Link
          to="/"
          style={{
            display: 'flex',
            alignItems: 'baseline',
            gap: 12,
            color: token.colorText,
            minWidth: 0,
            // On a phone the brand gives way before the name does.
            flex: phone ? '0 10 auto' : undefined,
          }}
        >
          <Typography.Title
            level={4}
            style={{
              margin: 0,
              color: token.colorPrimary,
              whiteSpace: 'nowrap',
              overflow: 'hidden',
              textOverflow: 'ellipsis',
            }}
          >
            {t(phone ? 'app.shortName' : 'app.name')}
          </Typography.Title>
          {/* The tagline gives way to the account below a laptop's width. */}
          {screens.lg !== false && (
            <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
              {t('app.tagline')}
            </Typography.Text>
          )}
        </Link>
        <AccountBar phone={phone} />
      </Layout.Header>
      <Layout>
        {phone ? (
          <Drawer
            placement="left"
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            width="min(300px, 85vw)"
            title={<AccountSummary />}
            styles={{ body: { padding: 0 } }}
          >
            <ConfigProvider theme={PHONE_MENU}>
              <div data-testid="menu-drawer">
                {/* A tap on an entry opens its page and puts the drawer away. */}
                <ShellMenu collapsed={false} onNavigate={() => setDrawerOpen(false)} />
              </div>
            </ConfigProvider>
          </Drawer>
        ) : (
          <Layout.Sider
            theme="light"
            collapsible
            collapsed={collapsed}
            onCollapse={setCollapsed}
            breakpoint="lg"
            width={208}
            style={{ borderRight: `1px solid ${token.colorBorderSecondary}` }}
          >
            <ShellMenu collapsed={collapsed} />
          </Layout.Sider>
        )}
        <Layout.Content style={{ padding: phone ? 12 : 24, minWidth: 0 }}>
          <PageBoundary>
            <Outlet />
          </PageBoundary>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

/** The menu of the pages this account may open: in the side bar, or in the drawer on a phone. */
function ShellMenu({ collapsed, onNavigate }: { collapsed: boolean; onNavigate?: () => void }) {
  const { t } = useI18n();
  const me = useCurrentUser();
  const location = useLocation();
  const entries = visibleMenu(me);
  const selected = selectedMenuKey(entries, location.pathname);
  // The group of the page shown is open (and stays open as the user moves around).
  const selectedGroup = entries.find((entry) => entry.path === selected)?.group;
  const [openKeys, setOpenKeys] = useState<string[]>(selectedGroup ? [selectedGroup] : []);
  useEffect(() => {
    if (selectedGroup && !collapsed) {
      setOpenKeys((keys) => (keys.includes(selectedGroup) ? keys : [...keys, selectedGroup]));
    }
  }, [selectedGroup, collapsed]);
  const item = (entry: MenuEntry) => ({
    key: entry.path,
    icon: <entry.icon />,
    label: <Link to={entry.path}>{t(entry.labelKey)}</Link>,
  });

  return (
    <Menu
      mode="inline"
      selectedKeys={selected ? [selected] : []}
      openKeys={openKeys}
      onOpenChange={setOpenKeys}
      onClick={onNavigate}
      style={{ borderInlineEnd: 'none', paddingTop: 8 }}
      items={menuTree(entries).map((node) =>
        node.type === 'entry'
          ? item(node.entry)
          : {
              key: node.group.key,
              icon: <node.group.icon />,
              label: t(node.group.labelKey),
              children: node.entries.map(item),
            },
      )}
    />
  );
}

/** Who is signed in, at the top of the phone's menu drawer: name, role and region. */
function AccountSummary() {
  const { pick } = useI18n();
  const me = useCurrentUser();
  return (
    <Space direction="vertical" size={4} style={{ fontWeight: 'normal', minWidth: 0 }}>
      <Space size="small">
        <Avatar size="small" icon={<UserOutlined />} />
        <span style={{ fontWeight: 500 }}>{me.displayName}</span>
      </Space>
      <Space size="small" wrap>
        <Tag color="blue" style={{ marginInlineEnd: 0 }}>
          {pick(me.roleName)}
        </Tag>
        <Typography.Text type="secondary" data-testid="current-region">
          {me.regionName}
        </Typography.Text>
      </Space>
    </Space>
  );
}

function AccountBar({ phone }: { phone: boolean }) {
  const { t, pick } = useI18n();
  const { message } = AntApp.useApp();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const logout = useLogout();

  // mutateAsync rather than per-call callbacks: this bar unmounts as soon as the session is cleared.
  const signOut = async () => {
    try {
      await logout.mutateAsync();
      void message.success(t('auth.signedOut'));
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      navigate('/login', { replace: true });
    }
  };

  if (phone) {
    return (
      <ConfigProvider theme={PHONE_TOUCH_TARGETS}>
        <div style={{ display: 'flex', alignItems: 'center', gap: 4, minWidth: 0 }}>
          {/* One line, cut short with an ellipsis; the role and region are in the menu drawer. */}
          <span
            data-testid="current-user"
            title={me.displayName}
            style={{
              fontWeight: 500,
              minWidth: 0,
              maxWidth: 96,
              overflow: 'hidden',
              textOverflow: 'ellipsis',
              whiteSpace: 'nowrap',
            }}
          >
            {me.displayName}
          </span>
          {/* The buttons keep their 44 px; the name gives way. */}
          <div style={{ display: 'flex', alignItems: 'center', gap: 4, flex: 'none' }}>
            <InboxBell />
            <LanguageSwitch />
            <Button
              type="text"
              icon={<LogoutOutlined />}
              onClick={signOut}
              loading={logout.isPending}
              aria-label={t('auth.signOut')}
              title={t('auth.signOut')}
              data-testid="logout"
            />
          </div>
        </div>
      </ConfigProvider>
    );
  }

  return (
    <Space size="middle" wrap={false}>
      <Space size="small">
        <Avatar size="small" icon={<UserOutlined />} />
        <span data-testid="current-user" style={{ fontWeight: 500 }}>
          {me.displayName}
        </span>
        <Tag color="blue" style={{ marginInlineEnd: 0 }}>
          {pick(me.roleName)}
        </Tag>
        <Typography.Text type="secondary">{me.regionName}</Typography.Text>
      </Space>
      <InboxBell />
      <LanguageSwitch />
      <Button icon={<LogoutOutlined />} onClick={signOut} loading={logout.isPending} data-testid="logout">
        {t('auth.signOut')}
      </Button>
    </Space>
  );
}
