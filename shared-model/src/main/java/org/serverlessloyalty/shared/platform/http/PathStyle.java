package org.serverlessloyalty.shared.platform.http;

/**
 * How an error names a field inside a body: this API's JSON bodies as {@code codes[3].value}, Open Loyalty's
 * bodies (form-encoded or JSON) as their clients write the field, {@code codes[3][value]}, {@code transfer[points]}.
 * Array elements are {@code [3]} in both.
 */
enum PathStyle {

    DOTTED {
        @Override
        String field(String parent, String name) {
            return parent.isEmpty() ? name : parent + "." + name;
        }
    },
    BRACKETS {
        @Override
        String field(String parent, String name) {
            return parent.isEmpty() ? name : parent + "[" + name + "]";
        }
    };

    /** The path of field {@code name} of the object at {@code parent} ("" for the body itself). */
    abstract String field(String parent, String name);

    /** The path of element {@code index} of the array at {@code parent}. */
    static String element(String parent, int index) {
        return parent + "[" + index + "]";
    }
}
