import { ratio } from '../../../analytics/arithmetic.js';
import { markShares, type MarkCounts } from '../../../analytics/marks.js';

/**
 * A result row whose pooled shares are computed when a client selects them (GraphQL reads them as
 * properties), not for every row of every response: lists of thousands of rows stay cheap.
 */
export class MarkRow implements MarkCounts {
  participants!: number;
  n2!: number;
  n3!: number;
  n4!: number;
  n5!: number;
  lowered?: number | null;
  confirmed?: number | null;
  raised?: number | null;

  constructor(row: MarkCounts) {
    Object.assign(this, row);
  }

  get share2() {
    return ratio(this.n2, this.participants);
  }
  get share3() {
    return ratio(this.n3, this.participants);
  }
  get share4() {
    return ratio(this.n4, this.participants);
  }
  get share5() {
    return ratio(this.n5, this.participants);
  }
  get quality() {
    return ratio(this.n4 + this.n5, this.participants);
  }
  get success() {
    return ratio(this.participants - this.n2, this.participants);
  }
  get meanMark() {
    return markShares(this).meanMark;
  }
  get loweredShare() {
    return this.lowered === null || this.lowered === undefined
      ? null
      : ratio(this.lowered, this.participants);
  }
  get confirmedShare() {
    return this.confirmed === null || this.confirmed === undefined
      ? null
      : ratio(this.confirmed, this.participants);
  }
  get raisedShare() {
    return this.raised === null || this.raised === undefined ? null : ratio(this.raised, this.participants);
  }
}
