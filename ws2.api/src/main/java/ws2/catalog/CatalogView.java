package ws2.catalog;

/**
 * The two catalogs ws2 keeps, as 64-bit Windows keeps a native and a 32-bit one. The {@code *32}
 * WSC functions act on {@link #COMPAT32}, all others on {@link #NATIVE}, and the {@code *64_32}
 * install functions on both. Each view has its own entries and order; a client context uses the
 * view it was opened with.
 */
public enum CatalogView {
    /** The native catalog. */
    NATIVE,
    /** The 32-bit compatibility catalog. */
    COMPAT32
}
