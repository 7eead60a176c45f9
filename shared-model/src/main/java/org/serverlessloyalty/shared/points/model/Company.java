package org.serverlessloyalty.shared.points.model;

/** Open Loyalty's {@code customer[company]}: a name and a tax id ({@code nip}), given together. */
public record Company(String name, String nip) {
}
