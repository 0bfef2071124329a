import type { ComponentType } from 'react';
import { Create, Edit, type ResourceProps } from 'react-admin';

/** Edit (pessimistic: the server's refusal shows on the form) and create, both back to the list, around one form. */
export function formScreens(Form: ComponentType<{ editing: boolean }>): Pick<ResourceProps, 'edit' | 'create'> {
  return {
    edit: () => (
      <Edit mutationMode="pessimistic" redirect="list">
        <Form editing />
      </Edit>
    ),
    create: () => (
      <Create redirect="list">
        <Form editing={false} />
      </Create>
    ),
  };
}
