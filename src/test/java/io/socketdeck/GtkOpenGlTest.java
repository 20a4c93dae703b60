package io.socketdeck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The environment GTK reads is the process's own: a variable set here is what C code gets. */
class GtkOpenGlTest {

    @Test
    void aVariableSetForThisProcessIsWhatCLibrariesReadAndIsNeverOverwritten() {
        String name = "SOCKETDECK_TEST_" + ProcessHandle.current().pid();
        assertNull(GtkOpenGl.nativeValue(name), "unset before");
        assertTrue(GtkOpenGl.setIfAbsent(name, "disable"));
        assertEquals("disable", GtkOpenGl.nativeValue(name));
        assertTrue(GtkOpenGl.setIfAbsent(name, "other"));
        assertEquals("disable", GtkOpenGl.nativeValue(name), "a value the user set is kept");
    }
}
