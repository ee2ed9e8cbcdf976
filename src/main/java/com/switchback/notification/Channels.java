package com.switchback.notification;

import java.util.List;
import org.springframework.data.repository.ListCrudRepository;

/** Notification channels, the Spring Data way: the aggregate is plain (no claims, versions or locks in its SQL). */
interface Channels extends ListCrudRepository<Channel, Long> {

    List<Channel> findAllByOrderByName();

    List<Channel> findAllByEnabledTrue();

    boolean existsByNameAndIdNot(String name, Long id);

    boolean existsByName(String name);
}
