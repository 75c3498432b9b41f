package org.peerpay.system;

/** What saving a file's rows did: how many were new, and how many existed and changed. */
public record Saved(int added, int changed) {
}
