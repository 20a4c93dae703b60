package io.socketdeck.core.codec;

/**
 * Where {@link StreamTextDecoder} puts decoded chars. One decoding loop serves both the full text and
 * the preview; only what is kept differs.
 */
interface CharSink {

    void append(char[] chars, int offset, int length);

    void append(String text);

    /**
     * How many more chars could still change the result; 0 lets decoding skip producing them, and a
     * small number lets the UTF-8 path decode only the bytes those chars can come from.
     */
    default long charsWanted() {
        return Long.MAX_VALUE;
    }
}
