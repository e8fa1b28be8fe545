/**
 * `/partners/:id`: a partner. Its details, possible duplicates, agreements, the funding it
 * provides, and — for those allowed — its contacts, with the export and erasure a person may ask
 * for (strategy office and administrators).
 */
import { Anchor, Badge, Button, Group, Table, Text } from '@mantine/core';
import { useId, useState } from 'react';
import { useParams } from 'wouter';
import { useMe } from '../api/auth.ts';
import {
  contactExportUrl,
  useEraseContact,
  usePartner,
  type Contact,
  type PartnerDetail,
} from '../api/partners.ts';
import { AppLink } from '../components/AppLink.tsx';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { ProvenanceBadge } from '../components/ProvenanceBadge.tsx';
import { QueryView } from '../components/QueryState.tsx';
import { ScrollRegion } from '../components/ScrollRegion.tsx';
import { Section } from '../components/Section.tsx';
import { useI18n } from '../i18n/context.tsx';
import { formatDate } from '../i18n/format.ts';
import { AgreementForm, mayRecordAgreement } from './forms/AgreementForm.tsx';
import { ContactPanel } from './forms/ContactPanel.tsx';
import { FormToggle, useUnitChoices } from './forms/form-kit.tsx';
import { PartnerForm, mayWritePartner } from './forms/PartnerForm.tsx';
import { AgreementTable, FundingTable } from './partners/tables.tsx';

/** The partner page. */
export function PartnerPage() {
  const { t } = useI18n();
  const { id = '' } = useParams<{ id?: string }>();
  const partner = usePartner(id);
  return (
    <QueryView query={partner} title={t.partners.partner}>
      {(data) => <PartnerView data={data} />}
    </QueryView>
  );
}

function PartnerView({ data }: { data: PartnerDetail }) {
  const { t } = useI18n();
  const { partner } = data;
  const me = useMe().data;
  const agreementUnits = useUnitChoices((id) => mayRecordAgreement(me, id));
  const mayAddAgreement = mayRecordAgreement(me, null) || agreementUnits.length > 0;
  return (
    <>
      <Text size="sm" fw={600} tt="uppercase" c="#495057">
        {t.partnerKind[partner.kind]}
      </Text>
      <PageTitle title={partner.name} />
      <Group gap="xs" mb="md">
        <ProvenanceBadge
          provenance={partner.provenance === 'official' ? null : partner.provenance}
        />
      </Group>
      {mayWritePartner(me) ? (
        <FormToggle label={t.forms.editPartner} savedText={t.forms.saved}>
          {(close) => (
            <PartnerForm
              data={data}
              onDone={close}
              onCancel={() => {
                close(false);
              }}
            />
          )}
        </FormToggle>
      ) : null}
      <dl className="st-dl">
        <dt>{t.partners.location}</dt>
        <dd>{[partner.city, partner.region, partner.country].filter((x) => x).join(', ')}</dd>
        {partner.siren ? (
          <>
            <dt>{t.partners.siren}</dt>
            <dd>{partner.siren}</dd>
          </>
        ) : null}
        {partner.website ? (
          <>
            <dt>{t.partners.website}</dt>
            <dd>
              <Anchor href={partner.website} rel="noopener noreferrer nofollow">
                {partner.website}
              </Anchor>
            </dd>
          </>
        ) : null}
      </dl>
      <Section title={t.partners.description}>
        <Text maw={760} style={{ whiteSpace: 'pre-line' }}>
          {partner.description || t.partners.noDescription}
        </Text>
      </Section>
      {data.duplicates.length > 0 ? (
        <Section title={t.partners.duplicates}>
          <ul style={{ margin: 0, paddingLeft: '1.1rem' }}>
            {data.duplicates.map((d) => (
              <li key={d.partner.id}>
                <AppLink to={`/partners/${d.partner.id}`}>{d.partner.name}</AppLink> (
                {t.partners.duplicateReason[d.reason]})
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      <Section title={t.partners.agreements}>
        {mayAddAgreement ? (
          <FormToggle label={t.forms.newAgreement} order={3}>
            {(close) => (
              <AgreementForm
                partner={partner}
                onCancel={() => {
                  close(false);
                }}
              />
            )}
          </FormToggle>
        ) : null}
        {data.agreements.length === 0 ? (
          <Text>{t.partners.noAgreements}</Text>
        ) : (
          <AgreementTable
            agreements={data.agreements}
            caption={`${t.partners.agreements} — ${partner.name}`}
            showPartner={false}
          />
        )}
      </Section>
      <Section title={t.partners.fundingAsFunder}>
        {data.fundingLines.length === 0 ? (
          <Text>{t.partners.noFunding}</Text>
        ) : (
          <FundingTable
            lines={data.fundingLines}
            caption={`${t.partners.fundingAsFunder} — ${partner.name}`}
          />
        )}
      </Section>
      <Section title={t.partners.contacts}>
        {data.contacts === null ? (
          <Text c="#495057">{t.partners.contactsHidden}</Text>
        ) : data.contacts.length === 0 ? (
          <Text>{t.partners.noContacts}</Text>
        ) : (
          <ContactTable
            contacts={data.contacts}
            caption={`${t.partners.contacts} — ${partner.name}`}
          />
        )}
        <ContactPanel partnerId={partner.id} contacts={data.contacts} />
      </Section>
    </>
  );
}

function ContactTable({ contacts, caption }: { contacts: readonly Contact[]; caption: string }) {
  const { t, lang } = useI18n();
  const me = useMe().data;
  const mayProcess = me?.role === 'admin' || me?.role === 'strategy_office';
  const mayErase = mayProcess && !me.readOnly;
  const erase = useEraseContact();
  const [pending, setPending] = useState<Contact | null>(null);
  const captionId = useId();
  return (
    <>
      <ScrollRegion labelId={captionId}>
        <Table verticalSpacing="xs" miw={720} captionSide="top">
          <Table.Caption id={captionId} style={{ textAlign: 'left' }}>
            {caption}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t.partners.contactName}</Table.Th>
              <Table.Th scope="col">{t.partners.contactEmail}</Table.Th>
              <Table.Th scope="col">{t.partners.purpose}</Table.Th>
              <Table.Th scope="col">{t.partners.legalBasis}</Table.Th>
              {mayProcess ? <Table.Th scope="col">{t.partners.gdpr}</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {contacts.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Th scope="row" fw={500}>
                  {c.erasedAt ? (
                    <Badge color="gray" variant="light">
                      {t.partners.erasedOn(formatDate(c.erasedAt.slice(0, 10), lang))}
                    </Badge>
                  ) : (
                    <>
                      {c.fullName}
                      {c.jobTitle ? (
                        <Text size="xs" c="#495057">
                          {c.jobTitle}
                        </Text>
                      ) : null}
                    </>
                  )}
                </Table.Th>
                <Table.Td>{c.email ?? '—'}</Table.Td>
                <Table.Td>{c.purpose}</Table.Td>
                <Table.Td>{t.contactLegalBasis[c.legalBasis]}</Table.Td>
                {mayProcess ? (
                  <Table.Td>
                    <Group
                      gap={6}
                      wrap="wrap"
                      aria-label={t.partners.contactActions(c.fullName || c.id)}
                      role="group"
                    >
                      <Button
                        component="a"
                        size="compact-sm"
                        variant="default"
                        href={contactExportUrl(c.id, 'json')}
                      >
                        {t.partners.exportJson}
                      </Button>
                      <Button
                        component="a"
                        size="compact-sm"
                        variant="default"
                        href={contactExportUrl(c.id, 'csv')}
                      >
                        {t.partners.exportCsv}
                      </Button>
                      {mayErase && !c.erasedAt ? (
                        <Button
                          size="compact-sm"
                          color="red"
                          variant="light"
                          onClick={() => {
                            setPending(c);
                          }}
                        >
                          {t.partners.erase}
                        </Button>
                      ) : null}
                    </Group>
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollRegion>
      <ConfirmDialog
        opened={pending !== null}
        title={t.partners.eraseTitle}
        body={t.partners.eraseBody}
        confirmLabel={t.partners.eraseConfirm}
        danger
        pending={erase.isPending}
        onCancel={() => {
          setPending(null);
        }}
        onConfirm={() => {
          if (pending) {
            erase.mutate(pending.id, {
              onSettled: () => {
                setPending(null);
              },
            });
          }
        }}
      />
    </>
  );
}
