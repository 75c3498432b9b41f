package org.peerpay.statutory;

/**
 * What a new starter without a P45 declares on HMRC's starter checklist, and the tax code and basis it puts them on
 * until HMRC sends a code. Someone with neither a P45 nor a declaration is paid on {@link #UNDECLARED} (0T on a week
 * 1/month 1 basis), as HMRC directs, and reported with declaration C.
 */
public enum StarterDeclaration {

    /** First job since 6 April, no taxable benefit or pension: the emergency code, cumulatively. */
    A("1257L", false),
    /** Only job now, but another job or a taxable benefit since 6 April: the emergency code on week 1/month 1. */
    B("1257L", true),
    /** Another job or a pension as well: BR, cumulatively. */
    C("BR", false);

    /** The code and basis for someone who gave neither a P45 nor a declaration. */
    public static final Code UNDECLARED = new Code("0T", true);

    /** A tax code as recorded and whether it is operated on a week 1/month 1 basis. */
    public record Code(String code, boolean week1Month1) {
    }

    private final Code code;

    StarterDeclaration(String code, boolean week1Month1) {
        this.code = new Code(code, week1Month1);
    }

    public Code code() {
        return code;
    }
}
