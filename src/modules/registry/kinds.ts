import type { z } from 'zod';
import type { FieldCipher } from '../../platform/crypto/fields.ts';
import type { Bilingual } from '../../platform/i18n/locale.ts';
import type { ColumnSpec } from '../../platform/io/columns.ts';
import type { ExportRow } from '../../platform/io/workbook.ts';
import type { DictionaryKind } from '../../reference/dictionaries/index.ts';
import type { INPUTS, LIST_ITEMS, RegistryKind, VIEWS } from './contract.ts';
import type { CellsOutcome } from './kinds/cells.ts';
import type { KindContext, ViewContext } from './kinds/common.ts';
import { enterpriseKind } from './kinds/enterprises.ts';
import { institutionKind } from './kinds/institutions.ts';
import { stationKind } from './kinds/stations.ts';
import { talentKind } from './kinds/talents.ts';
import type { NewRowOf, RowOf } from './repository.ts';

// What lists builds on: its sheets are read with the same cells, checks and search words.
export { type CellsOutcome, dictionaryCells, preparedRow, regionCells } from './kinds/cells.ts';
export { type KindContext, words } from './kinds/common.ts';

/** A record input of kind K as its contract parses it. */
export type InputOf<K extends RegistryKind> = z.output<(typeof INPUTS)[K]>;
/** A record of kind K as its contract shows it. */
export type ViewOf<K extends RegistryKind> = z.output<(typeof VIEWS)[K]>;
/** A record of kind K as a list page carries it. */
export type ListItemOf<K extends RegistryKind> = z.output<(typeof LIST_ITEMS)[K]>;

/** A field of the input that holds codes of a code list (checked to exist on every write). */
export interface DictionaryField<K extends RegistryKind> {
  field: keyof InputOf<K> & string;
  dictionary: DictionaryKind;
}

export interface UniqueCheck {
  column: string;
  value: string;
  error: 'REGISTRY_ID_NUMBER_TAKEN' | 'REGISTRY_CREDIT_CODE_TAKEN';
}

/**
 * Everything kind-specific about a registry: its fields, views, template columns and import parsing,
 * typed by the kind's table row (RowOf) and contract input (InputOf). One file per kind in kinds/.
 */
export interface KindDef<K extends RegistryKind = RegistryKind> {
  kind: K;
  entity: string;
  label: Bilingual;
  input: (typeof INPUTS)[K];
  columns: readonly ColumnSpec[];
  redact: readonly string[];
  /** The ciphertexts a reveal opens: the record's mobile number and, for people, the ID number. */
  sealed(row: RowOf<K>): { mobile: string | null; idNumber: string | null };
  dictionaryFields: readonly DictionaryField<K>[];
  /** The columns an input sets; for an edit, only those of the fields it sends. */
  values(input: Partial<InputOf<K>>, ctx: KindContext): Partial<NewRowOf<K>>;
  /** The search text of a record, or of the values about to be written. */
  searchText(row: Partial<NewRowOf<K>>, ctx: KindContext): string;
  view(row: RowOf<K>, ctx: ViewContext): ViewOf<K>;
  /**
   * A kind whose list shows fewer fields than its record: the columns the list
   * reads, and its item built from them alone. Without, the list carries views.
   */
  list?: {
    columns: readonly string[];
    /** Given rows that hold `columns` alone (typed by the kind as a Pick of its row). */
    item(row: RowOf<K>, ctx: ViewContext): ListItemOf<K>;
  };
  exportRow(row: RowOf<K>, ctx: ViewContext): ExportRow;
  fromCells(cells: Record<string, string>, ctx: KindContext): CellsOutcome;
  /** Values besides the code that no other record may hold (ID numbers, credit codes, by lookup hash). */
  unique(input: Partial<InputOf<K>>, cipher: FieldCipher): UniqueCheck[];
}

export const KINDS: { [K in RegistryKind]: KindDef<K> } = {
  talents: talentKind,
  enterprises: enterpriseKind,
  institutions: institutionKind,
  stations: stationKind,
};
