// Package ingest reads published 政府信息公开工作年度报告 back into the
// model: a portal page (HTML), a Word document (DOCX) or a PDF with a text
// layer becomes a *report.Report that datafile.Marshal writes as a data
// file, with a source: block (report.Source) saying where it came from.
//
// Each reader turns its input into the same flat sequence of blocks —
// paragraphs, tables (rows of cells with horizontal extents) and images —
// and assemble reads the report from the blocks:
//
//   - year and organ from the title (…2024年政府信息公开工作年度报告, or
//     the year in Chinese numerals: 二〇二四年);
//     the edition from the year, overruled by the shape of the tables (表二
//     column labels, the rows of 表三（六）);
//   - the preface and the text sections split at the statutory headings
//     一 to 六 (report.SectionHeadings); paragraphs nianbao generates (the
//     edition line, the fee statement, the work-plan summary and ledger,
//     the signature, the appendices 附：…) are recognised and not copied:
//     the fee statement is read into processing_fees, the ledger into
//     work_plan;
//   - the three tables cell by cell: columns by their header labels, rows
//     by their labels (report.Edition.Table2, Table3, Table4Rows), aligned
//     in statutory order by label similarity, so a wrapped or re-typed
//     label still finds its row and a missing row is named, not shifted.
//
// Exactness over guessing: every cell is read exactly or reported
// unreadable (rule IN-1) with its row and column label; blank cells and
// “/”, “—”, “-” stay blank (written as null, so check says blank is not
// zero); numbers typed with thousands separators, full-width digits or a
// unit are read as a person reads them and each is reported (IN-2). A
// table that is an image, or is not found, is reported (IN-3) and its
// cells left blank.
//
// Readers:
//
//   - HTML through golang.org/x/net/html, the page's encoding from its
//     meta charset (golang.org/x/net/html/charset: GBK, GB18030, UTF-8);
//     a page declaring none is UTF-8 when valid, else GB18030 (decodePage,
//     shared with HTMLTables).
//     The article body is the smallest element holding the statutory
//     headings; navigation, scripts and the information table around it
//     are left out. Layout tables (tables holding tables) are walked as
//     containers.
//   - DOCX through encoding/xml behind report/zipguard: paragraphs, and
//     tables with gridSpan and vMerge.
//   - PDF through poppler's pdftotext -bbox-layout (words with their
//     boxes), run with os/exec. Chosen because poppler is installed by
//     .ci/run and on most Linux servers (Debian poppler-utils; a Windows
//     build exists), and it reads the CID-keyed CJK fonts nianbao embeds
//     with correct positions: the round-trip test reads every figure and
//     paragraph of every example PDF back. No pure-Go PDF library was
//     evaluated against these files yet (a dependency would have to earn
//     its place by passing the same round trip). When pdftotext is
//     missing, the error
//     names the package to install.
//     Words become lines by their vertical centres; outside the tables,
//     lines become paragraphs by the page's geometry, measured from the
//     text itself (the column's left and right edges, the body's line
//     height and pitch): a line starts a paragraph when it is indented
//     (the 2-character first-line indent, also when typed as 　　), when
//     the line before ends short of the right edge by more than the
//     first unbreakable piece of this one and an em (line breaking is
//     greedy: a ragged line ending a character or a long number short
//     still continues), after a gap larger than the pitch, at a change of
//     size, and at a heading or list number (一、 （一） 1.) after a line
//     that ends a sentence. The second line of a hanging list item (1.
//     and a tab) continues it. A page break joins the last line of a page
//     and the first of the next by the same signals, the gap aside
//     (page numbers such as －3－ and 第3页 are dropped first). Lines
//     join without a space in Chinese, with one between Latin words or
//     figures (two figures are never glued into one), without one after
//     a hyphen or slash. One shape is ambiguous on the page: a
//     paragraph whose last line is exactly full, followed by a paragraph
//     without indent, spacing or heading number. It is read as one
//     paragraph (text is never cut mid-sentence; the two keep their order
//     and every character), the safe choice.
//
// DOCXTables and HTMLTables give, instead of a report, every table of a
// Word document or web page as a Grid of cell texts with its merged
// ranges, from the same DOCX and HTML table readers (for the 任务分解表,
// which package tasktable recognises).
//
// Input is bounded: MaxFileSize per file, zipguard limits for DOCX parts,
// a cap on blocks and table cells; no input makes the readers panic.
//
// Files and batches (what `nianbao ingest` does, the command line only
// printing and choosing exit codes):
//
//   - Find expands arguments into the published files to read (a
//     directory: .html, .htm, .shtml, .docx, .pdf below it, and the old
//     office files ReadFile refuses by name, .doc, .wps …, sorted, hidden
//     directories skipped); an argument naming nothing is an *ArgError.
//   - ReadFile reads one file with the reader its extension calls for and
//     gives a Result: the report, the reading's problems, the data file
//     (datafile.Marshal) and, when nothing could be read, why.
//   - DataFileName names the data file of a report in an output directory
//     (机关名称-年度.yaml, made safe and unique; check.Written checks the
//     file written, with the files beside it); Cells counts the cells read.
//   - Summary is the table of `--report`: one row per report with cells
//     read, errors and warnings by rule, and the 内容雷同 similarity with
//     the same organ's previous year among the inputs. Each report is
//     checked against all the others through one check.Index, so a batch
//     of n files costs n checks. CSV writes it for Excel; the command line
//     writes .xlsx through report/xlsx, which this package must not import
//     (report/imports_test.go).
package ingest
