package org.serverlessloyalty.local.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** Test handler Lambda could not construct. */
public final class NoDefaultConstructorHandler implements RequestHandler<Object, Object> {

    public NoDefaultConstructorHandler(String required) {
    }

    @Override
    public Object handleRequest(Object input, Context context) {
        return null;
    }
}
