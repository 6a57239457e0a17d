import { Tag } from 'antd';
import type { ReactNode } from 'react';

/**
 * A chosen value of a multiple search select, as a tag that closes without
 * opening the list (antd's select opens on any mouse down inside it).
 */
export function ChosenTag(props: {
  closable: boolean;
  onClose: () => void;
  color?: string;
  testId: string;
  children: ReactNode;
}) {
  return (
    <Tag
      color={props.color}
      closable={props.closable}
      onClose={props.onClose}
      onMouseDown={(event) => {
        event.preventDefault();
        event.stopPropagation();
      }}
      style={{ marginBlock: 2, marginInlineEnd: 4 }}
      data-testid={props.testId}
    >
      {props.children}
    </Tag>
  );
}
