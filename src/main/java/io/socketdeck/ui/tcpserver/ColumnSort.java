package io.socketdeck.ui.tcpserver;

/**
 * One column of the client table's sort, by the column's key (its automation id in the first tab,
 * {@code rxColumn} in every tab), and its direction.
 */
record ColumnSort(String columnKey, boolean ascending) {
}
