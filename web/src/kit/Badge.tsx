import type { ReactNode } from 'react';

export function Badge({ tone, children }: { tone: 'soon' | 'ok' | 'off' | 'danger'; children: ReactNode }) {
  return <span className={`badge badge--${tone}`}>{children}</span>;
}
