import AssignmentIcon from '@mui/icons-material/Assignment';
import { NominationList } from './NominationList';
import { NominationShow } from './NominationShow';
import { NominationCreate, NominationEdit } from './NominationForm';

export default {
  list: NominationList,
  show: NominationShow,
  create: NominationCreate,
  edit: NominationEdit,
  icon: AssignmentIcon,
  recordRepresentation: (r: { id: string; nomineeName: string }) => `#${r.id} ${r.nomineeName}`,
};
