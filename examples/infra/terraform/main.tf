# --8<-- [start:terraform]
terraform {
  required_version = ">= 1.6"

  required_providers {
    local = {
      source  = "hashicorp/local"
      version = "~> 2.5"
    }
  }
}

variable "app_name" {
  description = "Name of the application, used in the generated file."
  type        = string
  default     = "nexus"
}

variable "web_replicas" {
  description = "How many web processes the environment runs."
  type        = number
  default     = 2

  validation {
    condition     = var.web_replicas >= 1
    error_message = "web_replicas must be at least 1."
  }
}

resource "local_file" "app_env" {
  filename        = "${path.module}/build/${var.app_name}.env"
  content         = "APP_NAME=${var.app_name}\nWEB_REPLICAS=${var.web_replicas}\n"
  file_permission = "0640"
}

output "env_file" {
  description = "Path of the generated environment file."
  value       = local_file.app_env.filename
}
# --8<-- [end:terraform]
