# BEFORE: the deployment someone types on the server, from memory, after each merge.
cd /srv/nexus
git pull
sudo systemctl restart gunicorn
