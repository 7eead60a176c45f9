package org.serverlessloyalty.local.seed;

/**
 * The demo store the stack creates on a fresh start: its code, its storefront API key ({@code X-Api-Key})
 * and its publishable key for the browser beacon (null if the store API gave none).
 */
public record DemoStore(String code, String apiKey, String publishableKey) {

    @Override
    public String toString() {
        return "DemoStore[" + code + "]";
    }
}
