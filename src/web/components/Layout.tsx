/**
 * The page frame: skip link, header (burger, name, search, language), navigation that
 * collapses behind a burger at phone width, main landmark, footer.
 */
import { AppShell, Burger, Group, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import type { ReactNode, RefObject } from 'react';
import { useEffect, useRef } from 'react';
import { useLocation } from 'wouter';
import { useI18n } from '../i18n/context.tsx';
import { useLinkHandler } from './AppLink.tsx';
import { AccountControl } from './AccountControl.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { Navigation } from './Navigation.tsx';
import { SearchForm } from './SearchForm.tsx';

function Brand() {
  const { t } = useI18n();
  const onClick = useLinkHandler('/');
  return (
    <UnstyledButton component="a" href="/" onClick={onClick} style={{ color: '#ffffff' }}>
      <Group gap={8} wrap="nowrap">
        <svg width="28" height="28" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
          <rect width="32" height="32" rx="6" fill="#ffffff" />
          <path d="M6 22h20M6 16h14M6 10h8" stroke="#1c4f8c" strokeWidth="3" />
        </svg>
        <span>
          <Text component="span" fw={800} fz="lg" display="block" lh={1.1}>
            {t.app.name}
          </Text>
          <Text component="span" fz="xs" display="block" lh={1.1} visibleFrom="md">
            {t.app.tagline}
          </Text>
        </span>
      </Group>
    </UnstyledButton>
  );
}

/** Moves focus to the main content after each in-app navigation, and scrolls to the top. */
function useFocusOnNavigate(mainRef: RefObject<HTMLElement | null>) {
  const [location] = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    window.scrollTo(0, 0);
    mainRef.current?.focus({ preventScroll: true });
  }, [location, mainRef]);
}

/** Wraps every page. */
export function Layout({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const [opened, { toggle, close }] = useDisclosure(false);
  const isMobile = useMediaQuery('(max-width: 47.99em)', false, {
    getInitialValueInEffect: false,
  });
  const mainRef = useRef<HTMLElement>(null);
  useFocusOnNavigate(mainRef);
  const navHidden = isMobile && !opened;

  return (
    <>
      <a
        href="#main"
        className="st-skip-link"
        onClick={(event) => {
          event.preventDefault();
          mainRef.current?.focus();
          mainRef.current?.scrollIntoView();
        }}
      >
        {t.app.skipLink}
      </a>
      <AppShell
        header={{ height: 60 }}
        navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }}
        padding="md"
      >
        <AppShell.Header style={{ background: '#163f70', color: '#ffffff', borderBottom: 0 }}>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
            <Group gap="sm" wrap="nowrap">
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                color="#ffffff"
                aria-label={opened ? t.app.closeMenu : t.app.openMenu}
                aria-expanded={opened}
                aria-controls="st-navbar"
              />
              <Brand />
            </Group>
            <div style={{ flex: 1, maxWidth: 460 }} className="st-header-search">
              {isMobile ? null : <SearchForm dark />}
            </div>
            <Group gap="sm" wrap="nowrap">
              {isMobile ? null : <AccountControl />}
              <LanguageSwitch />
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar
          id="st-navbar"
          p="sm"
          aria-label={t.app.mainNav}
          inert={navHidden}
          aria-hidden={navHidden ? true : undefined}
          style={{ overflowY: 'auto' }}
        >
          {isMobile ? (
            <div style={{ marginBottom: '0.75rem', display: 'grid', gap: '0.75rem' }}>
              <AccountControl onDark={false} onNavigate={close} />
              <SearchForm onDone={close} />
            </div>
          ) : null}
          <Navigation onNavigate={close} />
        </AppShell.Navbar>
        <AppShell.Main id="main" ref={mainRef} tabIndex={-1}>
          <div style={{ maxWidth: 1200, marginInline: 'auto', minWidth: 0 }}>{children}</div>
        </AppShell.Main>
        <footer className="st-footer">
          <Group gap="lg" wrap="wrap">
            <FooterLink to="/accessibility">{t.app.footerA11y}</FooterLink>
            <a href="/api/docs" style={{ color: '#1c4f8c' }}>
              {t.app.footerApi}
            </a>
            <span>{t.app.footerLicence}</span>
          </Group>
        </footer>
      </AppShell>
    </>
  );
}

function FooterLink({ to, children }: { to: string; children: ReactNode }) {
  const onClick = useLinkHandler(to);
  return (
    <a href={to} onClick={onClick} style={{ color: '#1c4f8c' }}>
      {children}
    </a>
  );
}
