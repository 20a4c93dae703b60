package io.socketdeck.ui.app;

import io.socketdeck.core.settings.EntriesRead;
import io.socketdeck.core.settings.Settings;
import io.socketdeck.ui.tab.TabKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The window's tabs in the settings file: which are open, in which order, under which names, and
 * which one is in front. Each tab's own fields are saved by its model, under its settings path.
 *
 * <pre>
 * "tabs": {
 *   "open": [ {"kind": "tabTcpClient", "number": 1, "name": ""},
 *             {"kind": "tabTcpClient", "number": 2, "name": "PLC"}, ... ],
 *   "selected": "tabTcpClient2",
 *   "kinds": ["tabTcpClient", "tabTcpServer", "tabUdp"]
 * }
 * </pre>
 *
 * "kinds" are the kinds the window offered when it saved: a kind added by a later version opens
 * its first tab beside the saved ones, as on a first start. A file without "open" (an older
 * version's) opens one tab of each kind.
 */
final class SavedTabs {

    static final String OPEN = "tabs.open";
    static final String SELECTED = "tabs.selected";
    static final String KINDS = "tabs.kinds";

    /** A tab to open: of which kind, with which number and name. */
    record Entry(TabKind<?> kind, int number, String name) {
    }

    /**
     * What the file holds for kinds this version does not have.
     *
     * @param tabs  the entries of "open" of such kinds, as they were, by their place
     * @param kinds the ids of such kinds, in "kinds" or in those entries
     */
    record Foreign(List<EntriesRead.Unread> tabs, List<String> kinds) {
        static final Foreign NONE = new Foreign(List.of(), List.of());
    }

    private SavedTabs() {
    }

    static void save(Settings settings, List<WindowTab> tabs, WindowTab selected, List<TabKind<?>> kinds,
                     Foreign foreign) {
        List<Map<String, Object>> open = new ArrayList<>();
        for (WindowTab tab : tabs) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("kind", tab.kind().id());
            entry.put("number", tab.number());
            entry.put("name", tab.nameProperty().get() == null ? "" : tab.nameProperty().get());
            open.add(entry);
        }
        settings.put(OPEN, EntriesRead.withUnread(open, foreign.tabs()));
        settings.put(SELECTED, selected == null ? "" : selected.id());
        // The later version's kinds too: it would take them for new ones and open a first tab of each.
        Set<String> offered = new LinkedHashSet<>(kinds.stream().map(TabKind::id).toList());
        offered.addAll(foreign.kinds());
        settings.put(KINDS, List.copyOf(offered));
    }

    /** The tabs and kinds of the file that this version does not have, to be saved back. */
    static Foreign foreign(Settings settings, List<TabKind<?>> kinds) {
        Set<String> ours = new HashSet<>(kinds.stream().map(TabKind::id).toList());
        Set<String> theirs = new LinkedHashSet<>(settings.getStringList(KINDS));
        List<EntriesRead.Unread> tabs = new ArrayList<>();
        if (settings.get(OPEN).orElse(null) instanceof List<?> open) {
            for (int index = 0; index < open.size(); index++) {
                if (open.get(index) instanceof Map<?, ?> map && map.get("kind") instanceof String kindId
                        && !ours.contains(kindId)) {
                    tabs.add(new EntriesRead.Unread(index, map, "a kind this version does not have: " + kindId));
                    theirs.add(kindId);
                }
            }
        }
        theirs.removeAll(ours);
        return new Foreign(tabs, List.copyOf(theirs));
    }

    /**
     * The tabs to open, in order: the saved ones of kinds this window offers (a duplicate or an
     * odd entry is skipped), then the first tab of each kind the file did not know; one of each
     * kind when nothing usable was saved.
     */
    static List<Entry> restore(Settings settings, List<TabKind<?>> kinds) {
        List<Entry> entries = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        if (settings.get(OPEN).orElse(null) instanceof List<?> open) {
            for (Object item : open) {
                read(item, kinds).filter(entry -> taken.add(entry.kind().id() + "#" + entry.number()))
                        .ifPresent(entries::add);
            }
        }
        if (entries.isEmpty()) {
            return kinds.stream().map(kind -> new Entry(kind, 1, "")).toList();
        }
        List<String> known = settings.getStringList(KINDS);
        for (TabKind<?> kind : kinds) {
            if (!known.isEmpty() && !known.contains(kind.id())) {
                entries.add(new Entry(kind, lowestFree(entries, kind), ""));
            }
        }
        return entries;
    }

    /** The automation id of the tab that was in front; empty if none was saved. */
    static String selected(Settings settings) {
        return settings.getString(SELECTED, "");
    }

    private static Optional<Entry> read(Object item, List<TabKind<?>> kinds) {
        if (!(item instanceof Map<?, ?> map) || !(map.get("kind") instanceof String kindId)
                || !(map.get("number") instanceof Number number)) {
            return Optional.empty();
        }
        long value = number.longValue();
        if (value < 1 || value > 999 || value != number.doubleValue()) {
            return Optional.empty();
        }
        String name = map.get("name") instanceof String text ? text : "";
        return kinds.stream().filter(kind -> kind.id().equals(kindId)).findFirst()
                .map(kind -> new Entry(kind, (int) value, name));
    }

    private static int lowestFree(List<Entry> entries, TabKind<?> kind) {
        int number = 1;
        while (true) {
            int candidate = number;
            if (entries.stream().noneMatch(entry -> entry.kind() == kind && entry.number() == candidate)) {
                return candidate;
            }
            number++;
        }
    }
}
