package org.serverlessloyalty.shared.platform.persistence;

import java.util.List;

/** A write refused because its key is taken; names every taken key. */
public class AlreadyExistsException extends RuntimeException {

    private final List<String> keys;

    public AlreadyExistsException(List<String> keys) {
        super("Already exists: " + keys, null, false, false);
        this.keys = List.copyOf(keys);
    }

    public List<String> keys() {
        return keys;
    }
}
