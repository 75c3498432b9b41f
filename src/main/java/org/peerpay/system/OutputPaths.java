package org.peerpay.system;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Every file PeerPay writes is under the output directory, provably: paths are built here from names that cannot
 * climb out of it. A reference (service user, mentor, employment) is safe when it is 1 to 32 letters, digits,
 * hyphens or underscores, starting with a letter or digit; reference data refuses any other. A name that is not
 * safe (one stored before references were checked, or a file's name) becomes a safe name derived from it, so a path
 * never escapes and never fails for its name.
 */
public final class OutputPaths {

    /** What a reference may be: it names folders and files of payslips and statements. */
    public static final Pattern SAFE_REF = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,31}");
    public static final String SAFE_REF_RULE = "may hold only letters, digits, '-' and '_' (at most 32, starting with"
            + " a letter or digit): it names the folders of payslips and statements";
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._()-]{0,199}");
    private static final Pattern PERIOD_ID = Pattern.compile("\\d{4}-\\d{2}/[0-9A-Z]{2,4}(\\.csv)?");

    private OutputPaths() {
    }

    /**
     * A path under the output directory: each part is one folder or file name (a name with a separator or
     * {@code ..} in it becomes a safe one), except a pay period id like {@code 2026-27/4W08}, which is two.
     */
    public static Path under(Path outDir, String... parts) {
        Path path = outDir;
        for (String part : parts) {
            for (String name : PERIOD_ID.matcher(part).matches() ? part.split("/") : new String[] {part}) {
                path = path.resolve(name(name));
            }
        }
        Path root = outDir.toAbsolutePath().normalize();
        Path absolute = path.toAbsolutePath().normalize();
        if (!absolute.startsWith(root) || absolute.equals(root)) {
            throw new IllegalStateException("refusing to write outside the output directory: " + absolute);
        }
        return path;
    }

    /** The name as it is when it is a plain file name, else a safe name derived from it. */
    public static String name(String name) {
        if (SAFE_NAME.matcher(name).matches() && !name.contains("..")) {
            return name;
        }
        String kept = name.replaceAll("[^A-Za-z0-9_-]", "");
        return (kept.isEmpty() ? "name" : kept.substring(0, Math.min(kept.length(), 24))) + "-"
                + Sha256.hex(name).substring(0, 12);
    }
}
