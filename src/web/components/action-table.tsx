import { useTranslation } from 'react-i18next';
import { Form } from 'react-router';
import { ACTION_STATUSES, type ActionLinkType, type ActionStatus } from '../../shared/groups';
import type { Language } from '../../shared/languages';
import { formatDate } from './format';

export type ActionRow = {
  id: string;
  groupId: string;
  group?: { id: string; slug: string; name: string };
  title: string;
  description: string | null;
  owner: { id: string; name: string };
  dueOn: string;
  status: ActionStatus;
  link: { type: ActionLinkType; id: string } | null;
  overdue: boolean;
};

/**
 * Actions as a table: title, group (in "my actions"), owner, due date, status and link. With
 * `editable`, each row whose id is in it gets a small form to change the status.
 */
export function ActionTable({
  actions,
  language,
  showGroup = false,
  editable,
}: {
  actions: ActionRow[];
  language: Language;
  showGroup?: boolean;
  editable?: ReadonlySet<string>;
}) {
  const { t } = useTranslation();
  return (
    <table className="data-table">
      <thead>
        <tr>
          <th scope="col">{t('groups.actions.action')}</th>
          {showGroup && <th scope="col">{t('groups.group')}</th>}
          <th scope="col">{t('groups.actions.owner')}</th>
          <th scope="col">{t('groups.actions.due')}</th>
          <th scope="col">{t('groups.actions.status')}</th>
          <th scope="col">{t('groups.actions.link')}</th>
          {editable && <th scope="col">{t('groups.actions.update')}</th>}
        </tr>
      </thead>
      <tbody>
        {actions.map((action) => (
          <tr key={action.id}>
            <td>
              {action.title}
              {action.description && <p className="meta">{action.description}</p>}
            </td>
            {showGroup && (
              <td>
                {action.group && (
                  <a href={`/${language}/groups/${action.group.id}/actions`}>{action.group.name}</a>
                )}
              </td>
            )}
            <td>{action.owner.name}</td>
            <td>
              {formatDate(language, action.dueOn)}
              {action.overdue && <span className="status overdue"> {t('groups.actions.overdue')}</span>}
            </td>
            <td>{t(`groups.actions.statuses.${action.status}`)}</td>
            <td>
              {action.link && (
                <>
                  {t(`groups.actions.linkTypes.${action.link.type}`)} <code>{action.link.id}</code>
                </>
              )}
            </td>
            {editable && (
              <td>
                {editable.has(action.id) && (
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="status" />
                    <input type="hidden" name="actionId" value={action.id} />
                    <label className="visually-hidden" htmlFor={`status-${action.id}`}>
                      {t('groups.actions.statusOf', { title: action.title })}
                    </label>
                    <select id={`status-${action.id}`} name="status" defaultValue={action.status}>
                      {ACTION_STATUSES.map((status) => (
                        <option key={status} value={status}>
                          {t(`groups.actions.statuses.${status}`)}
                        </option>
                      ))}
                    </select>
                    <button type="submit">{t('groups.actions.save')}</button>
                  </Form>
                )}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
