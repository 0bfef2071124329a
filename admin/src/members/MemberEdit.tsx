import { Create, Edit } from 'react-admin';
import { RecordTitle } from '../common/fields';
import { useNotFoundHome } from '../common/hooks';
import { MemberForm } from './MemberForm';

export const MemberEdit = () => (
  <Edit title={<RecordTitle source="fullName" />} mutationMode="pessimistic" redirect="show" queryOptions={useNotFoundHome()}>
    <MemberForm editing />
  </Edit>
);

export const MemberCreate = () => (
  <Create redirect="show">
    <MemberForm />
  </Create>
);
