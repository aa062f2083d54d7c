package com.linescope.shop;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Signs orders so that the shop can check them later. */
final class Orders {
    private Orders() {}

    /** Hex SHA-256 of the order's text form, hashed a few rounds like a key-stretching signature. */
    static String digest(Order order) {
        byte[] body = order.toString().getBytes(StandardCharsets.UTF_8);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] sum = sha.digest(body);
            for (int round = 0; round < 64; round++) {
                sha.update(sum);
                sha.update(body, 0, body.length / 4);
                sum = sha.digest();
            }
            return HexFormat.of().formatHex(sum);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
