import { fitKey, searchKey } from '../common/text';
import { NOMINATION_TEXT } from './nomination.entity';
import { AWARD_TEXT } from './award.entity';

/** A nomination's search key (the nominee's name, and the decision number once decided), cut to its column. */
export const nominationSearchKey = (nomineeName: string, decisionNumber: string | null = null) =>
  fitKey(searchKey(nomineeName, decisionNumber), NOMINATION_TEXT.searchKey);

/** An award's search key (the nominee's name and the decision number), cut to its column. */
export const awardSearchKey = (nomineeName: string, decisionNumber: string | null) => fitKey(searchKey(nomineeName, decisionNumber), AWARD_TEXT.searchKey);
