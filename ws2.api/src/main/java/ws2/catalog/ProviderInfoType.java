package ws2.catalog;

/** The {@code WSC_PROVIDER_INFO_TYPE} of {@code WSCGetProviderInfo}/{@code WSCSetProviderInfo}. */
public enum ProviderInfoType {
    /** {@code ProviderInfoLspCategories}: the layer's {@code LSP_*} categories. */
    LSP_CATEGORIES,
    /** {@code ProviderInfoAudit}: not used; both calls return {@code ERROR_CALL_NOT_IMPLEMENTED}. */
    AUDIT
}
