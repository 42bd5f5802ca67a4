"""Infrastructure as code (Terraform, Ansible) and system-design helpers, all tested offline."""
