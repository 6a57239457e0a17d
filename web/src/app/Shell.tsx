import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { App as AntApp, Avatar, Button, Layout, Menu, Space, Tag, Typography, theme } from 'antd';
import { useEffect, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { InboxBell } from '../modules/notifications/InboxBell.tsx';
import { errorMessage } from './api.ts';
import { useI18n } from './i18n.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { type MenuEntry, menuTree, selectedMenuKey, visibleMenu } from './menu.ts';
import { useCurrentUser, useLogout } from './session.ts';

const HEADER_HEIGHT = 56;

/** The signed-in frame: side menu, header with the account and language, and the page. */
export function Shell() {
  const { t } = useI18n();
  const { token } = theme.useToken();
  const me = useCurrentUser();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const entries = visibleMenu(me.permissions);
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
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          gap: 16,
          height: HEADER_HEIGHT,
          lineHeight: `${HEADER_HEIGHT}px`,
          paddingInline: 24,
          background: token.colorBgContainer,
          borderBottom: `1px solid ${token.colorBorderSecondary}`,
          position: 'sticky',
          top: 0,
          zIndex: 10,
        }}
      >
        <Link to="/" style={{ display: 'flex', alignItems: 'baseline', gap: 12, color: token.colorText }}>
          <Typography.Title level={4} style={{ margin: 0, color: token.colorPrimary }}>
            {t('app.name')}
          </Typography.Title>
          <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
            {t('app.tagline')}
          </Typography.Text>
        </Link>
        <AccountBar />
      </Layout.Header>
      <Layout>
        <Layout.Sider
          theme="light"
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          breakpoint="lg"
          width={208}
          style={{ borderRight: `1px solid ${token.colorBorderSecondary}` }}
        >
          <Menu
            mode="inline"
            selectedKeys={selected ? [selected] : []}
            openKeys={openKeys}
            onOpenChange={setOpenKeys}
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
        </Layout.Sider>
        <Layout.Content style={{ padding: 24, minWidth: 0 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

function AccountBar() {
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
