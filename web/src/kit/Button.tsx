import type { AnchorHTMLAttributes, ButtonHTMLAttributes, ReactNode } from 'react';
import { Link } from 'wouter';
import { Spinner } from './Loading.tsx';

type Variant = 'primary' | 'secondary' | 'danger' | 'on-dark';
type Look = { variant?: Variant; size?: 'normal' | 'small'; block?: boolean };

function classes({ variant = 'primary', size = 'normal', block = false }: Look, extra?: string): string {
  return ['btn', variant !== 'primary' && `btn--${variant}`, size === 'small' && 'btn--small', block && 'btn--block', extra].filter(Boolean).join(' ');
}

export type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & Look & { busy?: boolean };

/** A real <button>. `busy` keeps it focusable but inert, with a spinner, while a request runs. */
export function Button({ variant, size, block, busy = false, className, children, type = 'button', disabled, onClick, ...rest }: ButtonProps) {
  return (
    <button
      {...rest}
      type={type}
      className={classes({ variant, size, block }, className)}
      disabled={disabled}
      aria-disabled={busy || undefined}
      aria-busy={busy || undefined}
      onClick={busy ? (e) => e.preventDefault() : onClick}
    >
      {busy && <Spinner />}
      {children}
    </button>
  );
}

/** A link that looks like a button (navigation, not an action). */
export function ButtonLink({ href, variant, size, block, className, children, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & Look & { href: string; children: ReactNode }) {
  return (
    <Link href={href} className={classes({ variant, size, block }, className)} {...rest}>
      {children}
    </Link>
  );
}
