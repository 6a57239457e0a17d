import { ConfigProvider, Grid, type ThemeConfig } from 'antd';
import type { CSSProperties, ReactNode } from 'react';

// The phone helpers on their own, so a page that needs them (the home page) does not load the list
// page's table, form and pagination with them.

/** Below antd's md breakpoint (768 px): a phone. Unknown before the first measurement, which counts as wide. */
export function usePhone(): boolean {
  return Grid.useBreakpoint().md === false;
}

/** Buttons and fields a thumb can hit on a phone: 44 px high, small ones too. */
const TOUCH_THEME: ThemeConfig = {
  components: {
    Button: { controlHeight: 44, controlHeightSM: 44, controlHeightLG: 44 },
    Input: { controlHeight: 44 },
    InputNumber: { controlHeight: 44 },
    Select: { controlHeight: 44 },
    DatePicker: { controlHeight: 44 },
    Segmented: { controlHeight: 44 },
    Pagination: { itemSize: 44, itemSizeSM: 44 },
  },
};

/** A text link a thumb can hit on a phone: 44 px high (its text stays as it is). */
export const TOUCH_LINK: CSSProperties = { display: 'inline-flex', alignItems: 'center', minHeight: 44 };

/** What it wraps gets touch targets of at least 44×44 px when `on` (a phone); as it is otherwise. */
export function TouchTargets({ on, children }: { on: boolean; children: ReactNode }) {
  return on ? <ConfigProvider theme={TOUCH_THEME}>{children}</ConfigProvider> : children;
}
