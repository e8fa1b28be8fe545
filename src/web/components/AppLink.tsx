/**
 * An in-app link: a real `<a href>` (open in new tab works) that navigates without reloading,
 * and keeps the current "as of" date.
 */
import { Anchor } from '@mantine/core';
import type { AnchorProps } from '@mantine/core';
import type { MouseEvent, ReactNode } from 'react';
import { useLocation } from 'wouter';
import { useAsOf, withAsOf } from '../lib/as-of.ts';

export interface AppLinkProps extends AnchorProps {
  to: string;
  children: ReactNode;
  className?: string;
  'aria-label'?: string;
  'aria-current'?: 'page' | undefined;
  title?: string;
  onNavigate?: () => void;
  /** Render a bare `<a>` (for styled cells) rather than Mantine's Anchor. */
  bare?: boolean;
  lang?: string;
}

/** Navigates inside the app on plain clicks; modified clicks keep the browser's behaviour. */
export function useLinkHandler(href: string, onNavigate?: () => void) {
  const [, navigate] = useLocation();
  return (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.altKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    navigate(href);
    onNavigate?.();
  };
}

/** A link to a route of the app. */
export function AppLink({ to, children, onNavigate, bare, ...rest }: AppLinkProps) {
  const [asOf] = useAsOf();
  const href = withAsOf(to, asOf);
  const onClick = useLinkHandler(href, onNavigate);
  if (bare) {
    const { className, title, lang } = rest;
    return (
      <a
        href={href}
        onClick={onClick}
        className={className}
        title={title}
        lang={lang}
        aria-label={rest['aria-label']}
        aria-current={rest['aria-current']}
      >
        {children}
      </a>
    );
  }
  return (
    <Anchor href={href} onClick={onClick} {...rest}>
      {children}
    </Anchor>
  );
}
