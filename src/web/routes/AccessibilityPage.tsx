/** `/accessibility`: the accessibility statement (RGAA 4.1), in the interface language. */
import { Anchor, List, Text } from '@mantine/core';
import { PageTitle } from '../components/PageTitle.tsx';
import { Section } from '../components/Section.tsx';
import { useI18n } from '../i18n/context.tsx';
import { statementEn, statementFr } from './accessibility/content.ts';

/** The accessibility statement page. */
export function AccessibilityPage() {
  const { lang } = useI18n();
  const statement = lang === 'fr' ? statementFr : statementEn;
  return (
    <div style={{ maxWidth: 820 }}>
      <PageTitle title={statement.title} />
      {statement.intro.map((paragraph) => (
        <Text key={paragraph} mb="sm">
          {paragraph}
        </Text>
      ))}
      {statement.blocks.map((block) => (
        <Section key={block.heading} title={block.heading}>
          {block.paragraphs.map((paragraph) => (
            <Text key={paragraph} mb="sm">
              {paragraph}
            </Text>
          ))}
          {block.items ? (
            <List spacing={6} mb="sm">
              {block.items.map((item) => (
                <List.Item key={item.text}>
                  {item.href ? (
                    <Anchor href={item.href} hrefLang="fr" rel="noopener noreferrer">
                      {item.text}
                    </Anchor>
                  ) : (
                    item.text
                  )}
                </List.Item>
              ))}
            </List>
          ) : null}
        </Section>
      ))}
      <Text size="sm" mt="xl">
        {statement.updated}
      </Text>
    </div>
  );
}
