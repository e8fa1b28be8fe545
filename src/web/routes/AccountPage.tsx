/**
 * `/account`: the signed-in account. Profile (e-mail, role, units), password change, open
 * sessions with "sign out everywhere", and API tokens (create, shown once; revoke).
 */
import { AccessGate } from '../components/AccessGate.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { Section } from '../components/Section.tsx';
import { useI18n } from '../i18n/context.tsx';
import { PasswordForm } from './account/PasswordForm.tsx';
import { Profile } from './account/Profile.tsx';
import { SessionsSection } from './account/SessionsSection.tsx';
import { TokensSection } from './account/TokensSection.tsx';

/** The "my account" page (signed-in accounts only). */
export function AccountPage() {
  const { t } = useI18n();
  return (
    <AccessGate allowed={(me) => me.authenticated} title={t.account.title}>
      {(me) => (
        <>
          <PageTitle title={t.account.title} />
          <Section title={t.account.profile}>
            <Profile me={me} />
          </Section>
          <Section title={t.account.password}>
            <PasswordForm />
          </Section>
          <Section title={t.account.sessions}>
            <SessionsSection />
          </Section>
          <Section title={t.account.tokens}>
            <TokensSection />
          </Section>
        </>
      )}
    </AccessGate>
  );
}
