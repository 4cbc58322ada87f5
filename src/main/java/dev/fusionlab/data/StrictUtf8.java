package dev.fusionlab.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;

/**
 * Decodes dataset text as UTF-8 and refuses anything else. A Latin-1 caption silently decoded into
 * replacement characters would give the text encoder garbage; better to tell the user which file.
 */
final class StrictUtf8 {

    private static final int BOM_LENGTH = 3;

    private StrictUtf8() {
    }

    /** @throws CharacterCodingException (e.g. MalformedInputException) on invalid bytes */
    static String decode(byte[] bytes) throws CharacterCodingException {
        return strictDecoder().decode(ByteBuffer.wrap(bytes, bomLength(bytes), bytes.length - bomLength(bytes)))
                .toString();
    }

    /**
     * The bytes as UTF-8: unchanged, unless they start with a UTF-16 byte-order mark (what Excel's
     * "Unicode text" and Windows Notepad write), in which case they are decoded as UTF-16 and re-encoded.
     * Text without a mark is never guessed at.
     */
    static byte[] utf8(byte[] bytes) {
        boolean utf16 = bytes.length >= 2 && ((bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE
                || (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF);
        return utf16 ? new String(bytes, StandardCharsets.UTF_16).getBytes(StandardCharsets.UTF_8) : bytes;
    }

    /** Reads a whole text file; the message of a thrown exception says where the bad bytes are. */
    static String read(Path file) throws IOException, InvalidSampleException {
        byte[] bytes = utf8(Files.readAllBytes(file));
        try {
            return decode(bytes);
        } catch (CharacterCodingException e) {
            throw new InvalidSampleException(file, "text is not valid UTF-8 (line " + (firstInvalidLine(bytes) + 1) + ")");
        }
    }

    /** Lenient decoding, replacing invalid bytes; pair it with {@link #invalidLines} to reject the bad lines. */
    static String decodeLenient(byte[] bytes) {
        int bom = bomLength(bytes);
        return new String(bytes, bom, bytes.length - bom, StandardCharsets.UTF_8);
    }

    /** 0-based numbers of the lines (split at '\n') that are not valid UTF-8. */
    static BitSet invalidLines(byte[] bytes) {
        BitSet invalid = new BitSet();
        CharsetDecoder decoder = strictDecoder();
        int start = bomLength(bytes);
        int line = 0;
        for (int i = start; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                if (!isValid(decoder, bytes, start, i - start)) {
                    invalid.set(line);
                }
                line++;
                start = i + 1;
            }
        }
        return invalid;
    }

    private static int firstInvalidLine(byte[] bytes) {
        return Math.max(0, invalidLines(bytes).nextSetBit(0));
    }

    private static boolean isValid(CharsetDecoder decoder, byte[] bytes, int offset, int length) {
        try {
            CharBuffer ignored = decoder.reset().decode(ByteBuffer.wrap(bytes, offset, length));
            return ignored != null;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static CharsetDecoder strictDecoder() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static int bomLength(byte[] bytes) {
        boolean bom = bytes.length >= BOM_LENGTH
                && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
        return bom ? BOM_LENGTH : 0;
    }
}
