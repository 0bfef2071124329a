import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Button, useListContext } from 'react-admin';
import { Link } from 'react-router-dom';
import { useSessionUser } from '../common/hooks';
import { canAccess } from '../providers/canAccess';

/** From the member list to the import page, with the grassroots union filtered on (if any). */
export const ImportButton = () => {
  const user = useSessionUser();
  const list = useListContext();
  if (!canAccess(user, { resource: 'memberImport', action: 'create' })) return null;
  const gu = list?.filterValues?.grassrootsUnionId;
  return (
    <Button component={Link} to={gu ? `/import?grassrootsUnionId=${gu}` : '/import'} label="resources.members.action.import">
      <UploadFileIcon />
    </Button>
  );
};
