import { Permission } from '../auth/permissions';
import { LocationColumn, locationFilters } from '../kit/located';
import { declareResource, readWrite, Resource, ResourceOptions } from '../kit/resource';

type YearRecordOptions<E extends object> = Omit<ResourceOptions<E>, 'scope' | 'permissions'> & {
  /** default: read with ReadYear, written with WriteYear */
  permissions?: ResourceOptions<E>['permissions'];
  /** the location columns offered as list filters (default all four; records of the upper levels omit teamId) */
  location?: LocationColumn[];
};

/**
 * A record of the union's year: located under the tree (its `@Located()` entity), its location
 * columns as list filters, read with ReadYear and written with WriteYear unless it says otherwise.
 */
export function declareYearRecord<E extends object>({ location, permissions, ...options }: YearRecordOptions<E>): Resource<E> {
  return declareResource<E>({
    ...options,
    fields: { ...options.fields, ...locationFilters(...(location ?? [])) },
    scope: { kind: 'located' },
    permissions: permissions ?? readWrite(Permission.ReadYear, Permission.WriteYear),
  });
}
