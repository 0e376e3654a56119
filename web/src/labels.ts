import type { TFunction } from 'i18next';
import { ROLES, type Role } from './api-types.ts';
import { id } from './i18n/id.ts';

/** Labels for values the API sends as codes; an unknown code (a newer server) shows as itself. */
export function roleLabel(t: TFunction, role: string | null): string {
  if (!role) return t('admin.audit.system');
  return (ROLES as readonly string[]).includes(role) ? t(`roles.${role as Role}`) : role;
}

export function actionLabel(t: TFunction, action: string): string {
  return action in id.audit.actions ? t(`audit.actions.${action as keyof typeof id.audit.actions}`) : action;
}

export function entityLabel(t: TFunction, entity: string): string {
  return entity in id.audit.entities ? t(`audit.entities.${entity as keyof typeof id.audit.entities}`) : entity;
}
