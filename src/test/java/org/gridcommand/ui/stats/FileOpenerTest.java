package org.gridcommand.ui.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.gridcommand.common.Messages;
import org.gridcommand.testing.CurrentThreadUiExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening a file with the desktop's program, told in words: the desktop took it, or why not. Real processes stand
 * in for xdg-open (its exit statuses: 2 no such file, 3 no program for this kind of file).
 */
class FileOpenerTest {
    private static final Messages ZH = Messages.forLocale(Messages.ZH_CN);

    @TempDir
    Path dir;

    private String open(Function<Path, List<String>> command, Duration wait, Path file) {
        List<String> said = new ArrayList<>();
        new FileOpener(command, wait, ZH, new CurrentThreadUiExecutor()).open(file, said::add);
        assertThat(said).hasSize(1);
        return said.get(0);
    }

    private Path pdf() throws IOException {
        return Files.writeString(dir.resolve("月报-2026-11.pdf"), "%PDF-1.4");
    }

    @Test
    void aCommandThatSucceedsHandsTheFileToTheDesktop() throws IOException {
        Path pdf = pdf();
        assertThat(open(p -> List.of("true", p.toString()), FileOpener.WAIT, pdf)).isEqualTo("已交给桌面程序打开：" + pdf);
    }

    @Test
    void aViewerStillRunningAfterTheWaitCountsAsOpened() throws IOException {
        // xdg-open without a desktop session runs the viewer itself and returns when it closes.
        assertThat(open(p -> List.of("sleep", "5"), Duration.ofMillis(100), pdf())).startsWith("已交给桌面程序打开");
    }

    @Test
    void noProgramForTheKindOfFileIsSaidInWords() throws IOException {
        Path pdf = pdf();
        assertThat(open(p -> List.of("sh", "-c", "exit 3"), FileOpener.WAIT, pdf))
                .isEqualTo("无法打开 " + pdf + "：本机没有能打开它的程序");
        assertThat(open(p -> List.of("sh", "-c", "exit 4"), FileOpener.WAIT, pdf))
                .isEqualTo("无法打开 " + pdf + "：打开程序未能启动（sh 退出码 4）");
    }

    @Test
    void aMissingOpenerOrAMissingFileIsSaidInWords() throws IOException {
        Path pdf = pdf();
        assertThat(open(p -> List.of("gc-no-such-opener", p.toString()), FileOpener.WAIT, pdf))
                .isEqualTo("无法打开 " + pdf + "：本机没有 gc-no-such-opener 命令（Linux 上由 xdg-utils 软件包提供）");
        Path gone = dir.resolve("gone.pdf");
        assertThat(open(p -> List.of("true"), FileOpener.WAIT, gone)).isEqualTo("无法打开 " + gone + "：文件已不在原处");
    }
}
