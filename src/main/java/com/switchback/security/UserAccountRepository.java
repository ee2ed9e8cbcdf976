package com.switchback.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class UserAccountRepository {

    record Credentials(String username, String passwordHash, boolean enabled, Set<String> roles, boolean mustChangePassword) {
    }

    private final JdbcClient jdbc;

    UserAccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Credentials> credentials(String username) {
        return jdbc.sql("select username, password_hash, enabled, must_change_password from app_user where username = :u")
                .param("u", username)
                .query((rs, n) -> new Credentials(rs.getString(1), rs.getString(2), rs.getBoolean(3), roles(username),
                        rs.getBoolean(4)))
                .optional();
    }

    Set<String> roles(String username) {
        return new TreeSet<>(jdbc.sql("select role from app_user_role where username = :u")
                .param("u", username).query(String.class).list());
    }

    boolean exists(String username) {
        return jdbc.sql("select count(*) from app_user where username = :u").param("u", username)
                .query(Integer.class).single() > 0;
    }

    /** Enabled accounts that hold ADMIN, other than {@code username}. */
    long otherEnabledAdmins(String username) {
        return jdbc.sql("""
                        select count(*) from app_user u join app_user_role r on r.username = u.username
                        where r.role = 'ADMIN' and u.enabled and u.username <> :u""")
                .param("u", username).query(Long.class).single();
    }

    long count() {
        return jdbc.sql("select count(*) from app_user").query(Long.class).single();
    }

    void insert(String username, String displayName, String passwordHash, Set<String> roles) {
        jdbc.sql("insert into app_user(username, display_name, password_hash) values (:u, :d, :p)")
                .param("u", username).param("d", displayName).param("p", passwordHash).update();
        replaceRoles(username, roles);
    }

    void replaceRoles(String username, Set<String> roles) {
        jdbc.sql("delete from app_user_role where username = :u").param("u", username).update();
        for (String role : roles) {
            jdbc.sql("insert into app_user_role(username, role) values (:u, :r)")
                    .param("u", username).param("r", role).update();
        }
    }

    /** A new password hash; {@code oneTime} when an administrator set it and its holder must replace it. */
    void setPassword(String username, String passwordHash, boolean oneTime) {
        jdbc.sql("update app_user set password_hash = :p, must_change_password = :once where username = :u")
                .param("p", passwordHash).param("once", oneTime).param("u", username).update();
    }

    void setEnabled(String username, boolean enabled) {
        jdbc.sql("update app_user set enabled = :e where username = :u")
                .param("e", enabled).param("u", username).update();
    }

    List<UserAccount> findAll() {
        Map<String, UserAccount> users = new LinkedHashMap<>();
        jdbc.sql("select username, display_name, enabled from app_user order by username")
                .query(rs -> {
                    String u = rs.getString(1);
                    users.put(u, new UserAccount(u, rs.getString(2), rs.getBoolean(3), new TreeSet<>()));
                });
        jdbc.sql("select username, role from app_user_role").query(rs -> {
            UserAccount a = users.get(rs.getString(1));
            if (a != null) {
                a.roles().add(rs.getString(2));
            }
        });
        return List.copyOf(users.values());
    }
}
