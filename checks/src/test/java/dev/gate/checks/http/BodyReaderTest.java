package dev.gate.checks.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gate.checks.testing.EncodedSite;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one reader of bodies, on bytes as servers send them. */
class BodyReaderTest {
    private static final byte[] TEXT = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
    private final BodyReader reader = new BodyReader(1024);

    private byte[] read(byte[] wire, String... encodings) throws Exception {
        return reader.readWhole(new ByteArrayInputStream(wire), List.of(encodings));
    }

    @Test
    void undoesStackedEncodingsLastAppliedFirst() throws Exception {
        byte[] wire = EncodedSite.gzip(EncodedSite.deflate(TEXT, false));

        assertThat(read(wire, "deflate, gzip")).isEqualTo(TEXT);
        assertThat(read(wire, "deflate", "gzip")).isEqualTo(TEXT);
    }

    @Test
    void readsIdentityXGzipAndAnEmptyBodyUnderAnEncoding() throws Exception {
        assertThat(read(TEXT)).isEqualTo(TEXT);
        assertThat(read(TEXT, "Identity")).isEqualTo(TEXT);
        assertThat(read(EncodedSite.gzip(TEXT), "x-gzip")).isEqualTo(TEXT);
        assertThat(read(new byte[0], "gzip")).isEmpty();
    }

    @Test
    void aCutCompressedStreamIsCorruptWhenWholeAndAPrefixWhenTheCallerCutIt() throws Exception {
        byte[] gz = EncodedSite.gzip("x".repeat(5000).getBytes(StandardCharsets.UTF_8));
        byte[] cut = java.util.Arrays.copyOf(gz, gz.length - 8);

        assertThatThrownBy(() -> new BodyReader(1 << 20).readWhole(new ByteArrayInputStream(cut), List.of("gzip")))
                .isInstanceOf(UnreadableBodyException.class)
                .hasMessage("the answer is not valid gzip: it ends too early");
        BodyReader.Prefix prefix = reader.readPrefix(new ByteArrayInputStream(cut), List.of("gzip"), true);
        assertThat(prefix.truncated()).isTrue();
        assertThat(prefix.bytes()).hasSize(1024);
    }

    @Test
    void theCapHoldsForTheWireAndForTheDecodedBytes() {
        assertThatThrownBy(() -> read(new byte[1025])).hasMessage("answer larger than 1 KB");
        assertThatThrownBy(() -> read(EncodedSite.gzip(new byte[1025]), "gzip")).hasMessage("answer larger than 1 KB");
        assertThat(BodyReader.size(8L * 1024 * 1024)).isEqualTo("8 MB");
        assertThat(BodyReader.size(1000)).isEqualTo("1000 bytes");
    }
}
