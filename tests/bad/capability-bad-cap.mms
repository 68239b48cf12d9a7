capability sys_admin off
