import { useTranslation } from 'react-i18next';
import { requirePageRole } from '../auth.server';
import { formatDateTime, useLanguage } from '../components/format';
import { PageTitle } from '../components/page-title';
import type { Route } from './+types/outbox';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  requirePageRole(context.viewer, 'admin', params.lang, request);
  return {
    messages: await context.services.mailer.recent(100),
    configured: context.services.mailer.configured,
  };
}

export default function Outbox({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <article>
      <PageTitle title={t('outbox.title')} />
      <h1>{t('outbox.title')}</h1>
      <p>{loaderData.configured ? t('outbox.smtp') : t('outbox.held')}</p>
      {loaderData.messages.map((message) => (
        <section key={message.id} className="mail" aria-label={message.subject}>
          <h2>{message.subject}</h2>
          <p>
            {t('outbox.to')} {message.to} · {formatDateTime(language, message.createdAt)} ·{' '}
            {t(`outbox.status.${message.status}`)}
          </p>
          <pre>{message.text}</pre>
        </section>
      ))}
    </article>
  );
}
