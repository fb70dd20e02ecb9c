package ws2.api;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * {@code WSASERVICECLASSINFOW}: a service class and its per-namespace attributes.
 *
 * @param classId the service class GUID
 * @param name its name
 * @param infos its attributes per namespace ({@code WSANSCLASSINFOW})
 */
public record ServiceClassInfo(UUID classId, String name, List<NsClassInfo> infos) {
    /** Checks and copies the parts. */
    public ServiceClassInfo {
        Objects.requireNonNull(classId, "classId");
        name = name == null ? "" : name;
        infos = infos == null ? List.of() : List.copyOf(infos);
    }

    /**
     * {@code WSANSCLASSINFOW}: one attribute of a service class in one namespace.
     *
     * @param name the attribute's name (for example {@code "SapId"} or {@code "TcpPort"})
     * @param nameSpace its namespace
     * @param valueType its registry value type ({@code REG_DWORD} = 4, ...)
     * @param value its value
     */
    public record NsClassInfo(String name, int nameSpace, int valueType, byte[] value) {
        /** Copies the value. */
        public NsClassInfo {
            Objects.requireNonNull(name, "name");
            value = value == null ? new byte[0] : value.clone();
        }

        @Override
        public byte[] value() {
            return value.clone();
        }
    }
}
