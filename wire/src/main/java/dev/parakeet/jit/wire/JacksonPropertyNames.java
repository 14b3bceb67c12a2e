package dev.parakeet.jit.wire;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.validator.spi.nodenameprovider.JavaBeanProperty;
import org.hibernate.validator.spi.nodenameprovider.Property;
import org.hibernate.validator.spi.nodenameprovider.PropertyNodeNameProvider;

/**
 * Makes Hibernate Validator name properties as they appear in JSON ({@code set_number}, not
 * {@code setNumber}), so that a violation's path is the path in the document the caller sent.
 */
final class JacksonPropertyNames implements PropertyNodeNameProvider {

  private final ObjectMapper mapper;
  private final Map<Class<?>, Map<String, String>> namesByType = new ConcurrentHashMap<>();

  JacksonPropertyNames(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public String getName(Property property) {
    if (property instanceof JavaBeanProperty bean) {
      return namesByType
          .computeIfAbsent(bean.getDeclaringClass(), this::jsonNames)
          .getOrDefault(property.getName(), property.getName());
    }
    return property.getName();
  }

  private Map<String, String> jsonNames(Class<?> type) {
    BeanDescription description =
        mapper.getDeserializationConfig().introspect(mapper.constructType(type));
    Map<String, String> names = new HashMap<>();
    for (BeanPropertyDefinition property : description.findProperties()) {
      names.put(property.getInternalName(), property.getName());
    }
    return names;
  }
}
