/**
 * A member's data export: everything the network holds about one member ({@link org.chorusfeed.export.MemberExport},
 * from {@code chorus.members().export(id)}), and the zip archive it is handed out as
 * ({@link org.chorusfeed.export.ExportArchive}).
 */
@NullMarked
package org.chorusfeed.export;

import org.jspecify.annotations.NullMarked;
