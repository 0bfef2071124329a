import { defineModule } from '../kit/module';
import { EXPORT_RESOLVERS } from './export.resolver';

/** CSV exports of every exportable list (by keyset pages) and their signed links. */
export default defineModule({
  name: 'export',
  resolvers: [...EXPORT_RESOLVERS],
});
