import type { KeyKind } from '../../../shared/api/schemas';
import { lineQueryParams } from '../../../shared/lines/filterQuery';
import type { LineFilter } from '../../../shared/lines/lineIndex';
import { hrefFor } from '../../app/router/routes';

const filterFor = (kind: KeyKind, key: string): LineFilter => {
  switch (kind) {
    case 'service':
      return { services: [key] };
    case 'frankingLicence':
      return { licences: [key] };
    case 'invoiceReference':
      return { references: [key] };
  }
};

/** The line explorer showing the lines of one service, licence or reference. */
export const linesOf = (kind: KeyKind, key: string): string =>
  hrefFor('lines', lineQueryParams(filterFor(kind, key)));
