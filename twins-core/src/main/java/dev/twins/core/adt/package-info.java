/**
 * The Azure Digital Twins exchange formats, read and written as streams of records without a
 * twin graph.
 *
 * <p>A tour: {@link dev.twins.core.adt.AdtFiles} is the entry point. It tells formats apart
 * ({@link dev.twins.core.adt.AdtFiles#detect}, giving an {@link dev.twins.core.adt.AdtFormat}),
 * reads ADT Import Jobs NDJSON ("bulk import") and ADT Explorer JSON into an
 * {@link dev.twins.core.adt.AdtRecordHandler}, and makes an {@link dev.twins.core.adt.AdtWriter}
 * for either format. The handler receives a {@link dev.twins.core.adt.FileHeader}, the model texts
 * as {@link dev.twins.core.model.ModelSource}s (once, before any twin, ready for
 * {@link dev.twins.core.model.ModelParser}), each {@link dev.twins.core.adt.TwinRecord} and
 * {@link dev.twins.core.adt.RelationshipRecord} with its line, and each
 * {@link dev.twins.core.adt.AdtFileError}; the {@link dev.twins.core.adt.ErrorPolicy} says whether
 * reading stops at the first error (with an {@link dev.twins.core.adt.AdtFileException}). A
 * {@link dev.twins.core.adt.ReadSummary} counts what was delivered.
 *
 * <p>Relationships use the JSON of the ADT API everywhere in this package: the source twin is
 * {@code $sourceId}. Only inside bulk-import files is it {@code $dtId}; the reader and the writer
 * translate.
 *
 * <p>Non-goals: checking records against models (that is the twin graph's job), and the
 * Explorer's XLSX spreadsheets.
 */
package dev.twins.core.adt;
