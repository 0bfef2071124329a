import PeopleIcon from '@mui/icons-material/People';
import { MemberList } from './MemberList';
import { MemberShow } from './MemberShow';
import { MemberCreate, MemberEdit } from './MemberEdit';

export default {
  list: MemberList,
  show: MemberShow,
  edit: MemberEdit,
  create: MemberCreate,
  icon: PeopleIcon,
  recordRepresentation: 'fullName',
};
