setrlimit as lots
